/**
 * A self-contained GraphQL explorer page. Apollo's own landing page loads Sandbox from a CDN, which a shop's internal
 * network or a laptop on a train cannot reach; this page has no external asset at all.
 */
export function renderExplorerPage(options: { endpoint: string; exampleQuery: string; exampleVariables: string }): string {
  const escape = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Omnigraph explorer</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
 body{margin:0;font:14px system-ui,sans-serif;display:grid;grid-template-columns:1fr 1fr;grid-template-rows:auto 1fr;height:100vh}
 header{grid-column:1/3;padding:.5rem 1rem;background:#1b2a41;color:#fff;display:flex;gap:1rem;align-items:center}
 header input{flex:1;font:inherit;padding:.3rem}
 button{font:inherit;padding:.35rem 1rem;cursor:pointer}
 section{display:flex;flex-direction:column;min-height:0}
 textarea,pre{flex:1;margin:0;padding:.75rem;font:13px ui-monospace,monospace;border:0;border-right:1px solid #ccc;overflow:auto;white-space:pre}
 textarea#variables,textarea#headers{flex:0 0 5rem;border-top:1px solid #ccc}
 label{padding:.2rem .75rem;background:#eef;font-size:12px}
</style></head>
<body>
<header><strong>Omnigraph</strong><input id="endpoint" value="${escape(options.endpoint)}" aria-label="endpoint">
<button id="run" title="Ctrl+Enter">Run ▶</button></header>
<section>
 <label for="query">Query</label><textarea id="query" spellcheck="false">${escape(options.exampleQuery)}</textarea>
 <label for="variables">Variables (JSON)</label><textarea id="variables" spellcheck="false">${escape(options.exampleVariables)}</textarea>
 <label for="headers">Headers (JSON) — your API key; <code>npm start</code> prints a demo key</label><textarea id="headers" spellcheck="false">{ "x-api-key": "" }</textarea>
</section>
<section><label>Response</label><pre id="result"></pre></section>
<script>
async function run(){
  const out=document.getElementById('result');out.textContent='…';
  try{
    const headers={'content-type':'application/json',...JSON.parse(document.getElementById('headers').value||'{}')};
    const variables=JSON.parse(document.getElementById('variables').value||'{}');
    const res=await fetch(document.getElementById('endpoint').value,{method:'POST',headers,body:JSON.stringify({query:document.getElementById('query').value,variables})});
    out.textContent='HTTP '+res.status+'\\n\\n'+JSON.stringify(await res.json(),null,2);
  }catch(e){out.textContent=String(e)}
}
document.getElementById('run').onclick=run;
document.addEventListener('keydown',e=>{if((e.ctrlKey||e.metaKey)&&e.key==='Enter')run()});
</script></body></html>`;
}
