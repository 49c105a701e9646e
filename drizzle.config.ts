import { defineConfig } from 'drizzle-kit';

// Every domain owns its tables in a schema.ts file; migrations are generated into drizzle/.
export default defineConfig({
  dialect: 'postgresql',
  schema: [
    './src/platform/**/schema.ts',
    './src/monitor/**/schema.ts',
    './src/results/**/schema.ts',
    './src/meldpunt/**/schema.ts',
  ],
  out: './drizzle',
});
