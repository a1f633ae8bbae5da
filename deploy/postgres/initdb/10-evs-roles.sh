#!/usr/bin/env bash
# 数据库角色：超级用户（POSTGRES_USER）只在 db 容器内使用；evs_owner 拥有表、执行迁移；evs_app 供应用连接。
# postgres 镜像只在数据卷为空、首次初始化时执行 /docker-entrypoint-initdb.d 中的脚本（以 POSTGRES_USER 超级用户，
# 经 Unix 套接字）。已有数据卷的升级步骤见 README「部署」→「数据库角色」。
#
#   evs_owner  非超级用户；数据库 POSTGRES_DB 与 public 模式的所有者；compose 的 migrate 服务以它迁移、首次载入数据。
#   evs_app    非超级用户、不拥有任何对象：只有表的 SELECT/INSERT/UPDATE/DELETE、序列的 USAGE、函数的 EXECUTE
#              （下面的默认权限使 evs_owner 以后建的表自动授予）；不能 ALTER TABLE（停用 audit_log 的触发器）、
#              不能 DROP、TRUNCATE，也没有 COPY … PROGRAM。audit_log 与 audit_chain_head 的权限由迁移后的
#              deploy/postgres/app-grants.sql 收窄为只追加（compose 的 db-grants 服务）。
#
# 密码以 psql 变量传入（:'…' 作为字面量引用），任何字符都可以。
: "${DB_OWNER_PASSWORD:?请设置 DB_OWNER_PASSWORD（迁移角色 evs_owner 的密码）}"
: "${DB_APP_PASSWORD:?请设置 DB_APP_PASSWORD（应用角色 evs_app 的密码）}"

PGHOST= PGHOSTADDR= psql -v ON_ERROR_STOP=1 --no-psqlrc --no-password \
  --username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB:-evs}" \
  --set db="${POSTGRES_DB:-evs}" --set owner=evs_owner --set app=evs_app \
  --set owner_password="$DB_OWNER_PASSWORD" --set app_password="$DB_APP_PASSWORD" <<'SQL'
BEGIN;
CREATE ROLE :"owner" LOGIN PASSWORD :'owner_password' NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
CREATE ROLE :"app" LOGIN PASSWORD :'app_password' NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;

-- The database and its public schema belong to the migration role; nobody else may create objects.
ALTER DATABASE :"db" OWNER TO :"owner";
ALTER SCHEMA public OWNER TO :"owner";
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
-- The cluster's maintenance database is the superuser's only (the app and the owner have no business there).
REVOKE CONNECT ON DATABASE postgres FROM PUBLIC;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
-- TEMPORARY: the retention job (privacy) builds a temporary table per run.
GRANT CONNECT, TEMPORARY ON DATABASE :"db" TO :"app";
GRANT USAGE ON SCHEMA public TO :"app";

-- Whatever the migrations create later (as the owner) is usable by the app, and only that.
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"app";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO :"app";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO :"app";
COMMIT;
SQL
