import { escapeHtml, PAGE_STYLE } from './http';
import type { InspectorRecord } from './inspector';

/** Server-rendered inspector: provider snapshots as tables, then the latest records. */
export function renderInspector(snapshot: Record<string, Record<string, unknown>>, records: InspectorRecord[], now: Date): string {
  const sections = Object.entries(snapshot)
    .map(([provider, snap]) => {
      const parts = Object.entries(snap)
        .map(([name, value]) => {
          if (Array.isArray(value)) return `<h3>${escapeHtml(name)} (${value.length})</h3>${table(value as Record<string, unknown>[])}`;
          return `<h3>${escapeHtml(name)}</h3><pre>${escapeHtml(JSON.stringify(value, null, 2))}</pre>`;
        })
        .join('');
      return `<section id="${escapeHtml(provider)}"><h2>${escapeHtml(provider)}</h2>${parts}</section>`;
    })
    .join('');
  const recent = records.slice(-200).reverse();
  return `<!doctype html><html><head><meta charset="utf-8"><title>Sandbox inspector</title><style>${PAGE_STYLE} body{max-width:1200px} pre{white-space:pre-wrap;font-size:.8rem;margin:0}</style></head><body>
<h1>Aftermeet provider sandbox — inspector</h1><p class="muted">Sandbox time ${escapeHtml(now.toISOString())} · <a href="/__inspector.json">JSON</a> · <a href="/__admin/faults">faults</a></p>
<nav>${Object.keys(snapshot)
    .map((p) => `<a href="#${escapeHtml(p)}">${escapeHtml(p)}</a>`)
    .join(' · ')} · <a href="#records">records</a></nav>
${sections}
<section id="records"><h2>Latest records (${records.length} total)</h2>${table(recent.map((r) => ({ seq: r.seq, at: r.at, provider: r.provider, kind: r.kind, payload: r.payload })))}</section>
</body></html>`;
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return '<span class="muted">—</span>';
  if (typeof v === 'object') return `<pre>${escapeHtml(JSON.stringify(v, null, 1))}</pre>`;
  return escapeHtml(String(v));
}

function table(rows: Record<string, unknown>[]): string {
  if (!rows.length) return '<p class="muted">none</p>';
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return `<table><thead><tr>${cols.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${cols.map((c) => `<td data-col="${escapeHtml(c)}">${cell(r[c])}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}
