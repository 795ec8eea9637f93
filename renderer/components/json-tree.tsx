import { useState } from 'react';
import { VisibleText } from './visible-text';
import './visible-text.css';

/** Levels open at first; deeper structures start collapsed and render nothing until opened. */
const OPEN_DEPTH = 2;
/** Entries listed per level before "n more". */
const MAX_ENTRIES = 200;

type Json = unknown;

/**
 * Untrusted JSON (record metadata) as a collapsible tree. Pretty-printed JSON indents every level by more spaces,
 * so 6 KB nested 5,000 levels deep printed as 18 MB of page text; here each level is one element indented by CSS,
 * and collapsed levels are not rendered at all. Keys and strings are shown with invisible characters made visible.
 */
export function JsonTree({ value }: { value: Json }) {
  return <div className="json-tree" data-testid="json-tree"><JsonNode value={value} depth={0} /></div>;
}

function entriesOf(value: object): [string, Json][] {
  return Array.isArray(value) ? value.map((v, i) => [String(i), v as Json]) : Object.entries(value);
}

function Key({ name }: { name: string | undefined }) {
  return name === undefined ? null : <span className="json-key"><VisibleText text={name} />: </span>;
}

function JsonNode({ name, value, depth }: { name?: string; value: Json; depth: number }) {
  const branch = typeof value === 'object' && value !== null;
  const [open, setOpen] = useState(depth < OPEN_DEPTH);
  if (!branch) {
    const text = typeof value === 'string' ? `"${value}"` : value === undefined ? 'undefined' : String(value);
    return <div className="json-leaf"><Key name={name} /><span className="json-value"><VisibleText text={text} /></span></div>;
  }
  const entries = entriesOf(value);
  const summary = Array.isArray(value) ? `[${entries.length ? '…' : ''}] ${entries.length} item${entries.length === 1 ? '' : 's'}` : `{${entries.length ? '…' : ''}} ${entries.length} key${entries.length === 1 ? '' : 's'}`;
  return (
    <div className="json-branch" data-depth={depth}>
      {entries.length ? (
        <button type="button" className="json-toggle" aria-expanded={open} data-testid="json-toggle" onClick={() => setOpen(!open)}>{open ? '▾' : '▸'}</button>
      ) : null}
      <Key name={name} /><span className="json-summary muted">{summary}</span>
      {open && entries.length ? (
        <ul className="json-children">
          {entries.slice(0, MAX_ENTRIES).map(([k, v]) => <li key={k}><JsonNode name={k} value={v} depth={depth + 1} /></li>)}
          {entries.length > MAX_ENTRIES ? <li className="muted">… {entries.length - MAX_ENTRIES} more</li> : null}
        </ul>
      ) : null}
    </div>
  );
}
