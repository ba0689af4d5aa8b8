// @vitest-environment happy-dom
// The options page's site input: what the user types becomes a hostname for the per-site off list,
// or is refused.
import { describe, expect, test } from 'vitest';
import { hostFromInput } from '../../entrypoints/options/App';

describe('hostFromInput', () => {
  test.each([
    ['www.example.com', 'www.example.com'],
    ['  WWW.Example.COM ', 'www.example.com'],
    ['https://www.bbc.com/news/world-123', 'www.bbc.com'],
    ['http://127.0.0.1:8080/page.html', '127.0.0.1'],
    ['nytimes.com/2017/01/13/world', 'nytimes.com'],
    ['localhost', 'localhost'],
    ['', undefined],
    ['   ', undefined],
    ['not a host', undefined],
    ['<script>', undefined],
  ])('%j -> %s', (input, expected) => {
    expect(hostFromInput(input)).toBe(expected);
  });
});
