// The periodic security audit: npm's advisories for what ships (production dependencies; a high or critical
// one fails), then the security lint (eslint.security.mjs). A registry that refuses npm's audit endpoint
// (HTTP 405, as some mirrors do) is said in one line, and the lint alone decides the exit code.
// Usage: npm run audit [-- <eslint arguments>]   (default: the whole tree)
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

type AuditOutcome = 'passed' | 'failed' | 'unavailable';

interface AuditReport {
  statusCode?: number;
  message?: string;
  error?: { summary?: string };
  metadata?: { vulnerabilities?: Record<string, number> };
}

function npmAudit(): AuditOutcome {
  const run = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: process.env,
  });
  let report: AuditReport = {};
  try {
    report = JSON.parse(run.stdout || '{}') as AuditReport;
  } catch {
    // Not JSON: reported below as a failure to audit.
  }
  if (report.statusCode === 405 || /\b405\b/.test(report.message ?? '')) {
    console.log(
      'npm audit: the registry refuses the audit endpoint (HTTP 405), so advisories were not checked here; the weekly audit workflow checks them.',
    );
    return 'unavailable';
  }
  const counts = report.metadata?.vulnerabilities;
  if (!counts) {
    console.log(
      `npm audit could not run: ${report.message ?? report.error?.summary ?? (run.stderr || 'no answer').trim()}`,
    );
    return 'failed';
  }
  const { critical = 0, high = 0, moderate = 0, low = 0 } = counts;
  console.log(
    `npm audit (production dependencies): ${critical} critical, ${high} high, ${moderate} moderate, ${low} low`,
  );
  if (run.status !== 0)
    console.log(
      'npm audit: a high or critical advisory affects what ships; `npm audit --omit=dev` shows it.',
    );
  return run.status === 0 ? 'passed' : 'failed';
}

function securityLint(args: string[]): boolean {
  const run = spawnSync(
    join(ROOT, 'node_modules', '.bin', 'eslint'),
    ['--config', join(ROOT, 'eslint.security.mjs'), ...(args.length ? args : ['.'])],
    { cwd: ROOT, stdio: 'inherit' },
  );
  console.log(run.status === 0 ? 'security lint: no findings' : 'security lint: findings above');
  return run.status === 0;
}

const audit = npmAudit();
const lintClean = securityLint(process.argv.slice(2));
process.exitCode = audit !== 'failed' && lintClean ? 0 : 1;
