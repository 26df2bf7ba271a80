// Boots GraphiQL in the browser; served by the gateway after React, ReactDOM and GraphiQL's UMD bundles (explorer-page.ts).
// Plain browser JavaScript, no build step: the page's Content-Security-Policy allows scripts from our origin only.
// GraphiQL, React and ReactDOM are the UMD bundles' globals (declared for ESLint in eslint.config.js).
(function () {
  'use strict';
  const config = JSON.parse(document.getElementById('omnigraph-explorer-config').textContent);
  // react-remove-scroll (behind GraphiQL's dialogs) adds a <style> element carrying this nonce, which the CSP admits.
  window.__webpack_nonce__ = config.styleNonce;

  const storage = {
    get(key) {
      try {
        return window.localStorage.getItem(key);
      } catch {
        return null; // storage disabled (private mode, a policy): nothing is remembered, everything else works
      }
    },
    set(key, value) {
      try {
        window.localStorage.setItem(key, value);
      } catch {
        // see get
      }
    },
  };

  // GraphiQL keeps each tab's headers itself (shouldPersistHeaders). The last headers edited are kept here as well, so
  // a new tab, or the preloaded tabs after "clear storage" in GraphiQL's settings, start with the key already in.
  const HEADERS_KEY = 'omnigraph:explorer:headers';
  const headers = storage.get(HEADERS_KEY) ?? config.headersTemplate;
  const apiKeyOf = (text) => {
    try {
      const key = JSON.parse(text)['x-api-key'];
      return typeof key === 'string' ? key : '';
    } catch {
      return ''; // half-typed JSON
    }
  };

  // GraphiQL 3 opens the first of `defaultTabs` with an empty variables editor (it reads the editor's initial variables
  // from its own storage only), so on a first visit the first tab's variables are put where it looks.
  const first = config.tabs[0];
  if (storage.get('graphiql:tabState') === null && first !== undefined && first.variables !== undefined) {
    storage.set('graphiql:variables', first.variables);
  }

  const newFetcher = () => GraphiQL.createFetcher({ url: new URL(config.endpoint, window.location.href).href });
  let fetcher = newFetcher();
  let keyOfSchema = apiKeyOf(headers);
  let refetchTimer;
  // GraphiQL loads the schema once, with the headers it starts with; without a key that fails (UNAUTHENTICATED), and
  // with another key the docs may show fields this key cannot read. A new fetcher makes it introspect again.
  const onEditHeaders = (text) => {
    storage.set(HEADERS_KEY, text);
    window.clearTimeout(refetchTimer);
    refetchTimer = window.setTimeout(() => {
      const key = apiKeyOf(text);
      if (key === '' || key === keyOfSchema) return;
      keyOfSchema = key;
      fetcher = newFetcher();
      render();
    }, 400);
  };

  const root = ReactDOM.createRoot(document.getElementById('graphiql'));
  const render = () =>
    root.render(
      React.createElement(
        GraphiQL,
        {
          fetcher,
          defaultTabs: config.tabs.map((tab) => ({ query: tab.query, variables: tab.variables, headers })),
          defaultHeaders: headers,
          shouldPersistHeaders: true,
          onEditHeaders,
          // Without a key nothing runs: the headers editor opens first; with one, the example's variables.
          defaultEditorToolsVisibility: keyOfSchema === '' ? 'headers' : 'variables',
        },
        React.createElement(GraphiQL.Logo, null, 'Omnigraph'),
      ),
    );
  render();
})();
