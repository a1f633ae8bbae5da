-- 已有数据卷的升级（此前的 docker-compose 以超级用户 evs 迁移并连接）：把 public 模式中的表、视图、序列、函数和类型
-- 交给迁移角色（默认 evs_owner）。先执行 initdb/10-evs-roles.sh 建立角色，后执行本文件，再 docker compose up -d
-- （migrate、db-grants 照常执行）。步骤见 README「部署」→「已有数据卷的升级」。以超级用户连接数据库 evs：
--   psql -v ON_ERROR_STOP=1 -v owner=evs_owner -d evs -f adopt-existing.sql
-- 可重复执行：已属于 evs_owner 的对象不再处理。
\if :{?owner}
\else
  \set owner evs_owner
\endif

BEGIN;
SELECT set_config('evs.adopt_owner', :'owner', true) AS new_owner;
DO $$
DECLARE
  target text := current_setting('evs.adopt_owner');
  r record;
BEGIN
  -- Tables, views, materialized views, foreign tables: their indexes, row types and the sequences of
  -- their serial and identity columns change owner with them.
  FOR r IN SELECT c.oid::regclass AS obj FROM pg_class c
            WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
              AND c.relowner <> target::regrole LOOP
    EXECUTE format('ALTER TABLE %s OWNER TO %I', r.obj, target);
  END LOOP;
  -- Sequences of their own (the others followed their table above).
  FOR r IN SELECT c.oid::regclass AS obj FROM pg_class c
            WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'S' AND c.relowner <> target::regrole LOOP
    EXECUTE format('ALTER SEQUENCE %s OWNER TO %I', r.obj, target);
  END LOOP;
  -- Functions and procedures (trigger functions included).
  FOR r IN SELECT p.oid::regprocedure AS obj FROM pg_proc p
            WHERE p.pronamespace = 'public'::regnamespace AND p.proowner <> target::regrole LOOP
    EXECUTE format('ALTER ROUTINE %s OWNER TO %I', r.obj, target);
  END LOOP;
  -- Enums, domains, ranges and stand-alone composite types (array types follow their element type).
  FOR r IN SELECT t.oid::regtype AS obj FROM pg_type t
            WHERE t.typnamespace = 'public'::regnamespace AND t.typowner <> target::regrole
              AND (t.typtype IN ('e', 'd', 'r') OR (t.typtype = 'c' AND (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) = 'c')) LOOP
    EXECUTE format('ALTER TYPE %s OWNER TO %I', r.obj, target);
  END LOOP;
END $$;
COMMIT;

-- What is left for someone else (should be no row).
SELECT 'table' AS kind, c.oid::regclass::text AS name, pg_get_userbyid(c.relowner) AS owner FROM pg_class c
 WHERE c.relnamespace = 'public'::regnamespace AND pg_get_userbyid(c.relowner) <> :'owner'
UNION ALL
SELECT 'function', p.oid::regprocedure::text, pg_get_userbyid(p.proowner) FROM pg_proc p
 WHERE p.pronamespace = 'public'::regnamespace AND pg_get_userbyid(p.proowner) <> :'owner'
UNION ALL
SELECT 'type', t.oid::regtype::text, pg_get_userbyid(t.typowner) FROM pg_type t
 WHERE t.typnamespace = 'public'::regnamespace AND pg_get_userbyid(t.typowner) <> :'owner';
