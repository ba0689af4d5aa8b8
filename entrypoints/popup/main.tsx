// Popup. PLACEHOLDER until the browser layer lands.
import { render } from 'preact';
render(<p>Factmark</p>, document.getElementById('app')!);
