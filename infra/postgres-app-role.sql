-- The app's PostgreSQL role, with only the rights the store needs. Run once after the first deployment (and
-- again after the managed identity is recreated), by a member of the Microsoft Entra administrator group,
-- from a machine inside the virtual network (or the trial address), with psql:
--
--   export PGPASSWORD="$(az account get-access-token --resource-type oss-rdbms --query accessToken -o tsv)"
--   psql "host=<POSTGRES_FQDN> dbname=postgres user=<admin group name> sslmode=verify-full" \
--        -v app_role=<MANAGED_IDENTITY_NAME> -v app_db=smg -f infra/postgres-app-role.sql
--
-- What the role can do: connect to the bot's database, create and change the tables of its own schema (the
-- store migrates its schema at start), read and write them. What it cannot: sign in with a password, create
-- roles or databases, read or write any other schema or database, act as administrator.
\set ON_ERROR_STOP on

-- 1. In the postgres database: the role, mapped to the managed identity (user-assigned identities are
--    matched by name), created only if it does not exist yet. isAdmin false: not a member of azure_pg_admin;
--    isMfa false: a managed identity has no MFA. The role gets LOGIN and no other attribute (no superuser,
--    CREATEROLE, CREATEDB, replication or RLS bypass); step 3 shows it. Its connections are capped.
\connect postgres
SELECT format('SELECT * FROM pgaadauth_create_principal(%L, false, false)', :'app_role')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'app_role') \gexec
ALTER ROLE :"app_role" CONNECTION LIMIT 60;

-- 2. In the bot's database: no one but the role (and the administrators) may connect; the role owns one
--    schema, smg, which is its search path, and has nothing on public.
\connect :app_db
REVOKE ALL ON DATABASE :"app_db" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"app_db" TO :"app_role";
REVOKE ALL ON SCHEMA public FROM PUBLIC;
CREATE SCHEMA IF NOT EXISTS smg AUTHORIZATION :"app_role";
ALTER ROLE :"app_role" IN DATABASE :"app_db" SET search_path = smg;

-- 3. What the role was given, for the record of the deployment.
SELECT r.rolname, r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolreplication, r.rolbypassrls, r.rolconnlimit,
       EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles a ON a.oid = m.roleid
                WHERE a.rolname = 'azure_pg_admin' AND m.member = r.oid) AS is_admin,
       has_database_privilege(r.rolname, current_database(), 'CONNECT') AS can_connect,
       has_schema_privilege(r.rolname, 'smg', 'CREATE') AS owns_smg,
       has_schema_privilege(r.rolname, 'public', 'CREATE') AS can_create_in_public
  FROM pg_roles r WHERE r.rolname = :'app_role';
