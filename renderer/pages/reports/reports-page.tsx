import { useState } from 'react';
import { PageHeader } from '../../components/page-header';
import { Segmented } from '../../components/segmented';
import { GeneratePanel } from './generate-panel';
import { PastReports } from './past-reports';
import { VerifyPanel } from './verify-panel';
import './reports.css';

type Mode = 'generate' | 'verify';

export function ReportsPage() {
  const [mode, setMode] = useState<Mode>('generate');
  return (
    <div className="page">
      <PageHeader
        title="Reports"
        subtitle="Signed governance reports (JSON and PDF) that anyone can verify offline, anchored to this workspace's audit log."
        actions={<Segmented label="Mode" testId="reports-mode" value={mode} onChange={setMode} options={[
          { value: 'generate', label: 'Generate', title: 'Choose scope and sections, preview, generate and sign' },
          { value: 'verify', label: 'Verify', title: 'Check a report file' },
        ]} />}
      />
      {mode === 'generate' ? (
        <>
          <GeneratePanel />
          <section className="card">
            <div className="card-header"><h2 className="card-title">Past reports</h2></div>
            <PastReports />
          </section>
        </>
      ) : (
        <section className="card"><div className="card-body"><VerifyPanel /></div></section>
      )}
    </div>
  );
}
