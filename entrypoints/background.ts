// Service worker (event page in Firefox). PLACEHOLDER until the browser layer lands.
export default defineBackground(() => {});
