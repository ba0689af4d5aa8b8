// Content script. PLACEHOLDER until the browser layer lands.
export default defineContentScript({ matches: ['http://*/*', 'https://*/*'], runAt: 'document_idle', main() {} });
