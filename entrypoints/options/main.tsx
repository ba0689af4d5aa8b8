// Options page entry: mounts the Preact app (App.tsx) with the shared styles.
// Nothing here renders page text as HTML.
import { render } from 'preact';
import '../../src/ui/styles.css';
import './options.css';
import { App } from './App';

render(<App />, document.getElementById('app')!);
