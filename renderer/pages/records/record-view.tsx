import { useMemo, useRef, useState, type ReactNode } from 'react';
import type { StoredFinding } from '../../../shared/contract/analysis-schemas';
import type { LogRecord } from '../../../shared/contract/schemas';
import { HighlightedText } from '../../components/highlighted-text';
import { JsonTree } from '../../components/json-tree';
import { VisibleText } from '../../components/visible-text';
import { formatCost, formatCount, formatLatency, formatTimestamp } from '../../format/format';
import type { Highlight } from '../../format/text-segments';
import { ClaimsList } from './findings/claims-list';
import { EarlierFindings, FindingCard } from './findings/finding-card';
import { claimCountText, contextHighlights, inputHighlights, outputHighlights, readAnalysis } from './findings/record-analysis';
import { ScoreSummary } from './findings/score-summary';

const NO_FINDINGS: StoredFinding[] = [];

/**
 * Everything about one interaction, with what the analyzers found in it. Logged text is untrusted (a log may
 * hold HTML or script, and in Electron injected script would run with the app's rights): it is only ever
 * rendered as React text, never as markup, and highlights only wrap runs of that text.
 */
/** `promptAsset` goes after the prompt id and version (the records page names the prompt asset there). */
export function RecordView({ record, findings = NO_FINDINGS, promptAsset }: { record: LogRecord; findings?: StoredFinding[]; promptAsset?: ReactNode }) {
  const analysis = useMemo(() => readAnalysis(findings), [findings]);
  const [selectedClaim, setSelectedClaim] = useState<number | null>(null);
  const contextsRef = useRef<HTMLOListElement>(null);
  const output = outputHighlights(analysis, selectedClaim);
  const input = inputHighlights(analysis);

  function showContext(index: number) {
    const item = contextsRef.current?.querySelector(`[data-context-index="${index}"]`);
    item?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }

  return (
    <>
      <dl className="kv detail-facts" data-testid="record-facts">
        <Fact label="External id">{visible(record.externalId)}</Fact>
        <Fact label="Time">{record.timestamp ? formatTimestamp(record.timestamp) : null}</Fact>
        <Fact label="Model">{visible(record.model)}{record.modelVersion ? <span className="muted"> · <VisibleText text={record.modelVersion} /></span> : null}</Fact>
        <Fact label="Prompt">{visible(record.promptId)}{record.promptVersion ? <span className="muted"> · <VisibleText text={record.promptVersion} /></span> : null}{promptAsset}</Fact>
        <Fact label="Tokens">{formatCount(record.tokensIn)} in · {formatCount(record.tokensOut)} out</Fact>
        <Fact label="Latency">{formatLatency(record.latencyMs)}</Fact>
        <Fact label="Cost">{formatCost(record.cost)}</Fact>
        <Fact label="Asset">#{record.assetId}</Fact>
      </dl>

      <ScoreSummary scores={record.scores} />

      <Section title="Input" testId="record-input" aside={<Legend highlights={input} />}>
        <div className="text-block"><HighlightedText text={record.input} highlights={input} /></div>
      </Section>
      <Section title="Output" testId="record-output" aside={<Legend highlights={output} />}>
        <div className="text-block text-block-output">
          <HighlightedText text={record.output} highlights={output} onClaim={(claim) => setSelectedClaim(claim === selectedClaim ? null : claim)} />
        </div>
      </Section>
      {analysis.claims.length > 0 ? (
        <Section
          title="Claims and evidence"
          testId="record-claims"
          aside={<span className="section-note" data-testid="claim-counts">{claimCountText(analysis.claims)} · click a claim to find its evidence</span>}
        >
          <ClaimsList claims={analysis.claims} contexts={record.contexts} selected={selectedClaim}
            onSelect={setSelectedClaim} onShowContext={showContext} />
        </Section>
      ) : null}
      <Section title={`Contexts (${record.contexts.length})`} testId="record-contexts">
        {record.contexts.length === 0 ? <p className="muted">No retrieved contexts were logged.</p> : (
          <ol className="context-list" ref={contextsRef}>
            {record.contexts.map((context, index) => (
              <li key={index} className="context-item" data-context-index={index}>
                <span className="context-index">{index + 1}</span>
                <div className="text-block">
                  <HighlightedText text={context} highlights={contextHighlights(analysis, index, record.contexts, selectedClaim)} />
                </div>
              </li>
            ))}
          </ol>
        )}
      </Section>
      {analysis.latest.length > 0 ? (
        <Section title="Analyzers" testId="record-findings">
          <div className="findings">
            {analysis.latest.map((finding) => <FindingCard key={`${finding.analyzerId}-${finding.runId}`} finding={finding} />)}
          </div>
          <EarlierFindings findings={analysis.earlier} />
        </Section>
      ) : null}
      <Section title="Metadata" testId="record-metadata">
        <MetadataTable metadata={record.metadata} />
      </Section>
    </>
  );
}

/** Logged strings go through VisibleText; null stays null so the fact shows its dash. */
function visible(text: string | null): ReactNode {
  return text === null || text === '' ? null : <VisibleText text={text} />;
}

function Fact({ label, children }: { label: ReactNode; children: ReactNode }) {
  const empty = children === null || children === undefined || children === '';
  return (
    <>
      <dt>{label}</dt>
      <dd>{empty ? <span className="muted">—</span> : children}</dd>
    </>
  );
}

function Section({ title, testId, aside, children }: { title: string; testId: string; aside?: ReactNode; children: ReactNode }) {
  return (
    <section className="detail-section" data-testid={testId}>
      <div className="detail-section-head">
        <h3 className="detail-section-title">{title}</h3>
        {aside}
      </div>
      {children}
    </section>
  );
}

const LEGEND: ReadonlyArray<{ className: string; label: string; extra?: string }> = [
  { className: 'hl-unsupported', label: 'Unsupported claim', extra: 'hl-claim' },
  { className: 'hl-contradicted', label: 'Contradicted claim', extra: 'hl-claim' },
  { className: 'hl-issue', label: 'Not in evidence' },
  { className: 'hl-pii', label: 'PII' },
  { className: 'hl-toxic', label: 'Toxic' },
  { className: 'hl-injection', label: 'Injection' },
];

/** Names only the kinds of highlight the text actually has. */
function Legend({ highlights }: { highlights: readonly Highlight[] }) {
  const present = new Set(highlights.flatMap((h) => h.classes));
  const items = LEGEND.filter((item) => present.has(item.className));
  if (items.length === 0) return null;
  return (
    <span className="legend" aria-label="Highlight legend">
      {items.map((item) => <span key={item.className} className="legend-item"><mark className={['hl', item.extra, item.className].filter(Boolean).join(' ')}>{item.label}</mark></span>)}
    </span>
  );
}

function MetadataTable({ metadata }: { metadata: Record<string, unknown> }) {
  const entries = Object.entries(metadata);
  if (entries.length === 0) return <p className="muted">None.</p>;
  return (
    <dl className="kv">
      {entries.map(([key, value]) => (
        <Fact key={key} label={<VisibleText text={key} />}>
          {typeof value === 'object' && value !== null
            ? <JsonTree value={value} />
            : <span className="mono"><VisibleText text={value === null ? 'null' : String(value)} /></span>}
        </Fact>
      ))}
    </dl>
  );
}
