-- 迁移之后执行（compose 的 db-grants 服务，以 evs_owner 连接；外部 PostgreSQL 由 DBA 以表的所有者执行，
-- 每次升级迁移后再执行一次）：  psql -v ON_ERROR_STOP=1 -v app=evs_app -f app-grants.sql
-- 可重复执行，结果相同。应用角色（默认 evs_app）得到全部表的读写，但：
--   audit_log         只能 SELECT、INSERT，以及封链所需的 UPDATE (seq, prev_hash, hash)：封链函数 audit_seal 以调用者
--                     的身份把已提交、未封的记录接入哈希链；触发器 audit_log_refuse_change 只放行这一种更新
--                     （其他列不变、哈希正确），拒绝其余 UPDATE、DELETE、TRUNCATE。
--   audit_chain_head  只能 SELECT 和封链时的 UPDATE (seq, hash)（触发器只允许前移到一条已封记录）。
--   migrations        只读（迁移只由所有者执行）。
-- 应用角色不是这些表的所有者，因此不能 ALTER TABLE … DISABLE TRIGGER；所有者（迁移角色）与超级用户仍然可以，
-- 那样的改动由哈希链（npm run audit:verify）与记在系统之外的链头锚点发现。
\if :{?app}
\else
  \set app evs_app
\endif

BEGIN;
GRANT USAGE ON SCHEMA public TO :"app";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"app";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO :"app";
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO :"app";

-- Revoking a table privilege also revokes the same privilege on every column: then grant the columns back.
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_log, audit_chain_head FROM :"app";
REVOKE INSERT ON audit_chain_head FROM :"app";
GRANT UPDATE (seq, prev_hash, hash) ON audit_log TO :"app";
GRANT UPDATE (seq, hash) ON audit_chain_head TO :"app";

REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON migrations FROM :"app";
COMMIT;
