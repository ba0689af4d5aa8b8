// Options page. PLACEHOLDER until the browser layer lands.
import { render } from 'preact';
render(<p>Factmark options</p>, document.getElementById('app')!);
