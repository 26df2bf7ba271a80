import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The import boundaries are ESLint rules (eslint.config.js); these cases prove each rule fires where it should and
// stays quiet where the architecture allows the import.
const eslint = new ESLint();

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it('a subgraph never imports another subgraph, by package or by path', async () => {
    expect(
      await restrictedImports(
        'subgraphs/erp/src/x.ts',
        "import { loadCrmConfig } from '@omnigraph/subgraph-crm';\nexport const y = loadCrmConfig;\n",
      ),
    ).toHaveLength(1);
    expect(await restrictedImports('subgraphs/erp/src/x.ts', "import { z } from '../../crm/src/config.ts';\nexport const y = z;\n")).toHaveLength(1);
    expect(
      await restrictedImports('subgraphs/erp/src/x.ts', "import { parseEnv } from '@omnigraph/shared/config';\nexport const y = parseEnv;\n"),
    ).toEqual([]);
  });

  it('product code imports simulators only in tests', async () => {
    const code = "import { bootOdooSimulator } from '@omnigraph/simulator-odoo';\nexport const y = bootOdooSimulator;\n";
    expect(await restrictedImports('subgraphs/erp/src/x.ts', code)).toHaveLength(1);
    expect(await restrictedImports('gateway/src/x.ts', code)).toHaveLength(1);
    expect(await restrictedImports('packages/shared/src/x.ts', code)).toHaveLength(1);
    expect(await restrictedImports('subgraphs/erp/src/x.test.ts', code)).toEqual([]);
    expect(await restrictedImports('subgraphs/erp/test/odoo-harness.ts', code)).toEqual([]);
  });

  it('the gateway and the shared packages never reach into subgraph code', async () => {
    const code = "import { createErpServer } from '@omnigraph/subgraph-erp';\nexport const y = createErpServer;\n";
    expect(await restrictedImports('gateway/src/x.ts', code)).toHaveLength(1);
    expect(await restrictedImports('packages/shared/src/x.ts', code)).toHaveLength(1);
    expect(
      await restrictedImports('packages/shared/src/x.ts', "import { z } from '../../../gateway/src/config.ts';\nexport const y = z;\n"),
    ).toHaveLength(1);
  });
});
