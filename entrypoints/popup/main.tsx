// Popup entry: mounts the Preact app (App.tsx) with the shared styles.
// All page text it shows goes through Preact's escaping, never innerHTML.
import { render } from 'preact';
import '../../src/ui/styles.css';
import './popup.css';
import { App } from './App';

render(<App />, document.getElementById('app')!);
