import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';

// The CLI's WebAssembly engine ("js") downloads nothing; it needs an adapter and a DATABASE_URL default.
// With DATABASE_URL unset the CLI would fall back to downloading a query engine, so give it a default.
process.env.DATABASE_URL ??= 'postgresql://postgres@127.0.0.1:5432/jisr';
const url = process.env.DATABASE_URL;

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  async adapter() {
    return new PrismaPg({ connectionString: url });
  },
});
