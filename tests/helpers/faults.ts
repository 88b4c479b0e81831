import type { Db } from '../../src/db.js';

/**
 * Runs `work` while every `op` (an INSERT or an UPDATE) of `table` whose `column` equals `value` fails in
 * the database (a trigger the owner adds, as only the owner could), then removes the trigger whatever
 * happened: for tests that break a call half-way and check that everything before the failing step rolled back.
 */
export async function withFailingWrites<T>(
  owner: Db,
  where: { op: 'INSERT' | 'UPDATE'; table: string; column: string; value: string },
  work: () => Promise<T>,
): Promise<T> {
  const fn = `test_fail_${where.op.toLowerCase()}_${where.table}_${where.value.replace(/[^0-9a-z]/gi, '')}`;
  await owner.$executeRawUnsafe(
    `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.${where.column}::text = '${where.value}' THEN RAISE EXCEPTION 'test: no ${where.op.toLowerCase()}'; END IF; RETURN NEW; END $$`,
  );
  await owner.$executeRawUnsafe(`CREATE TRIGGER ${fn} BEFORE ${where.op} ON ${where.table} FOR EACH ROW EXECUTE FUNCTION ${fn}()`);
  try {
    return await work();
  } finally {
    await owner.$executeRawUnsafe(`DROP TRIGGER ${fn} ON ${where.table}`);
    await owner.$executeRawUnsafe(`DROP FUNCTION ${fn}()`);
  }
}
