import { MigrationInterface, QueryRunner } from 'typeorm';

/** The register (companies, guards, relatives, revocations, records) and the activity lifecycle. */
export class Domain1764000100000 implements MigrationInterface {
  name = 'Domain1764000100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "public"."security_mode" AS ENUM('SERVICE_COMPANY', 'SELF_RECRUITED')`);
    await q.query(`CREATE TYPE "public"."activity_status" AS ENUM('DRAFT', 'REPORTED', 'APPROVED', 'CANDIDATES_RECOMMENDED', 'COMPANY_SELECTED', 'VETTING', 'TRAINING', 'READY', 'IN_PROGRESS', 'CLOSED', 'CANCELLED')`);
    await q.query(`CREATE TABLE "activities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "name" text NOT NULL, "type" text NOT NULL, "organizer_unit_id" uuid, "organizer_name" text NOT NULL, "undertaker_name" text, "venue" text NOT NULL, "address" text NOT NULL, "district" "public"."district" NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "applied_on" date NOT NULL, "expected_attendance" integer NOT NULL, "guards_required" integer NOT NULL, "security_mode" "public"."security_mode" NOT NULL, "contact_name" text NOT NULL, "contact_phone" text NOT NULL, "plan" jsonb NOT NULL DEFAULT '{}', "age_limit" integer, "status" "public"."activity_status" NOT NULL DEFAULT 'DRAFT', "reporter_unit_id" uuid NOT NULL, "created_by" uuid NOT NULL, "approval_note" text, "return_reason" text, "recommendation_justification" text, "selected_company_id" uuid, "selection_reason" text, "cancel_reason" text, "evaluation_rating" integer, "evaluation_text" text, "reported_at" TIMESTAMP WITH TIME ZONE, "recommended_at" TIMESTAMP WITH TIME ZONE, "vetting_closed_at" TIMESTAMP WITH TIME ZONE, "ready_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "UQ_abccbcae051b35786027db70bf1" UNIQUE ("code"), CONSTRAINT "PK_7f4004429f731ffb9c88eb486a8" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "idx_activities_organizer" ON "activities"  ("organizer_unit_id") `);
    await q.query(`CREATE INDEX "idx_activities_company" ON "activities"  ("selected_company_id") `);
    await q.query(`CREATE INDEX "idx_activities_district_start" ON "activities"  ("district", "starts_at") `);
    await q.query(`CREATE INDEX "idx_activities_status_start" ON "activities"  ("status", "starts_at") `);
    await q.query(`CREATE TABLE "activity_transitions" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "activity_id" uuid NOT NULL, "from_status" "public"."activity_status", "to_status" "public"."activity_status" NOT NULL, "actor_id" uuid NOT NULL, "actor_name" text NOT NULL, "comment" text, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_33b527ce4ed0ae339b1b22ddc77" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "idx_transitions_activity" ON "activity_transitions"  ("activity_id", "at") `);
    await q.query(`CREATE TYPE "public"."company_status" AS ENUM('ACTIVE', 'SUSPENDED', 'REVOKED')`);
    await q.query(`CREATE TABLE "companies" ("id" uuid NOT NULL, "name" text NOT NULL, "credit_code" text NOT NULL, "license_no" text NOT NULL, "license_expiry" date NOT NULL, "registered_capital" numeric(14,2) NOT NULL, "address" text NOT NULL, "district" "public"."district" NOT NULL, "contact_name" text NOT NULL, "contact_phone" text NOT NULL, "status" "public"."company_status" NOT NULL DEFAULT 'ACTIVE', "status_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "UQ_a6783f0b74b376e244918fe8d09" UNIQUE ("credit_code"), CONSTRAINT "PK_d4bc3e82a314fa9e29f652c2c22" PRIMARY KEY ("id"))`);
    await q.query(`CREATE TYPE "public"."sex" AS ENUM('MALE', 'FEMALE')`);
    await q.query(`CREATE TYPE "public"."education" AS ENUM('PRIMARY', 'JUNIOR_MIDDLE', 'SENIOR_MIDDLE', 'VOCATIONAL', 'COLLEGE', 'BACHELOR', 'POSTGRADUATE')`);
    await q.query(`CREATE TYPE "public"."guard_status" AS ENUM('ACTIVE', 'LEFT')`);
    await q.query(`CREATE TABLE "guards" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "company_id" uuid NOT NULL, "name" text NOT NULL, "id_number" text NOT NULL, "birth_date" date NOT NULL, "sex" "public"."sex" NOT NULL, "phone" text, "certificate_no" text, "certificate_issued_on" date, "education" "public"."education" NOT NULL, "photo" text, "status" "public"."guard_status" NOT NULL DEFAULT 'ACTIVE', "left_on" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e1bc1b6d2b488b2590efa84b1dd" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "idx_guards_id_number" ON "guards"  ("id_number") `);
    await q.query(`CREATE INDEX "idx_guards_company" ON "guards"  ("company_id", "status") `);
    await q.query(`CREATE UNIQUE INDEX "uq_guards_active_person" ON "guards"  ("id_number") WHERE "status" = 'ACTIVE'`);
    await q.query(`CREATE TYPE "public"."relative_relation" AS ENUM('FATHER', 'MOTHER', 'SPOUSE', 'CHILD')`);
    await q.query(`CREATE TABLE "guard_relatives" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "guard_id" uuid NOT NULL, "name" text NOT NULL, "relation" "public"."relative_relation" NOT NULL, "id_number" text NOT NULL, CONSTRAINT "PK_4960742af8639ac06aea1a51c76" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "idx_relatives_guard" ON "guard_relatives"  ("guard_id") `);
    await q.query(`CREATE INDEX "idx_relatives_id_number" ON "guard_relatives"  ("id_number") `);
    await q.query(`CREATE TABLE "certificate_revocations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "id_number" text NOT NULL, "revoked_on" date NOT NULL, "reason" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e942c39bdb45cfe927f4c2151dd" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "idx_revocations_id_number" ON "certificate_revocations"  ("id_number") `);
    await q.query(`CREATE TYPE "public"."inspection_item" AS ENUM('UNIFORM', 'CERTIFICATE', 'BEARING', 'DUTY', 'FORBIDDEN_ACT', 'UNVETTED_ON_DUTY')`);
    await q.query(`CREATE TABLE "findings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "inspection_id" uuid NOT NULL, "activity_id" uuid NOT NULL, "company_id" uuid, "guard_id" uuid, "item" "public"."inspection_item" NOT NULL, "serious" boolean NOT NULL DEFAULT false, "note" text, "photo" text, "recorded_by" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "corrected_at" TIMESTAMP WITH TIME ZONE, "corrected_by" uuid, "correction_note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ae9807d6293c23c13ff8804d09c" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "idx_findings_inspection" ON "findings"  ("inspection_id") `);
    await q.query(`CREATE INDEX "idx_findings_company" ON "findings"  ("company_id") `);
    await q.query(`CREATE INDEX "idx_findings_activity" ON "findings"  ("activity_id", "item") `);
    await q.query(`CREATE TABLE "inspections" ("id" uuid NOT NULL, "activity_id" uuid NOT NULL, "guard_id" uuid, "roster_entry_id" uuid, "person_name" text, "post" text, "results" jsonb NOT NULL, "note" text, "recorded_by" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a484980015782324454d8c88abe" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "idx_inspections_activity" ON "inspections"  ("activity_id") `);
    await q.query(`CREATE TABLE "activity_candidates" ("activity_id" uuid NOT NULL, "company_id" uuid NOT NULL, "rank" integer NOT NULL, "score" numeric(6,2) NOT NULL, "score_parts" jsonb NOT NULL, "quote" numeric(14,2), "quote_note" text, "quoted_at" TIMESTAMP WITH TIME ZONE, "recommended_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2592dbd684a206985f2176ab2ce" PRIMARY KEY ("activity_id", "company_id"))`);
    await q.query(`CREATE INDEX "idx_candidates_company" ON "activity_candidates"  ("company_id") `);
    await q.query(`CREATE TYPE "public"."record_category" AS ENUM('INTENTIONAL_CRIME', 'CUSTODY_EDUCATION', 'COMPULSORY_DETOX', 'REEDUCATION_LABOR', 'ADMIN_DETENTION')`);
    await q.query(`CREATE TABLE "criminal_records" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "id_number" text NOT NULL, "name" text NOT NULL, "category" "public"."record_category" NOT NULL, "occurred_on" date NOT NULL, "source" text NOT NULL, "severity" text, "note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_659d6748b6fd871545e7bb47c6e" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "idx_records_id_number" ON "criminal_records"  ("id_number") `);
    await q.query(`CREATE INDEX "idx_records_created" ON "criminal_records"  ("created_at") `);
    await q.query(`CREATE UNIQUE INDEX "uq_records_entry" ON "criminal_records"  ("id_number", "category", "occurred_on", "source") `);
    await q.query(`CREATE TABLE "training_attendance" ("session_id" uuid NOT NULL, "roster_entry_id" uuid NOT NULL, "attended" boolean, "scores" jsonb NOT NULL DEFAULT '{}', "passed" boolean, "recorded_by" uuid, "recorded_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_12c3140fc7498c161d03feebf40" PRIMARY KEY ("session_id", "roster_entry_id"))`);
    await q.query(`CREATE INDEX "idx_attendance_entry" ON "training_attendance"  ("roster_entry_id") `);
    await q.query(`CREATE TYPE "public"."training_topic" AS ENUM('LAWS', 'DUTY_SKILLS', 'EMERGENCY')`);
    await q.query(`CREATE TABLE "training_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "activity_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "place" text NOT NULL, "instructor" text NOT NULL, "topics" "public"."training_topic" array NOT NULL, "periods" integer NOT NULL, "is_makeup" boolean NOT NULL DEFAULT false, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6678399f77ed9db5176459befa9" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "idx_training_activity" ON "training_sessions"  ("activity_id") `);
    await q.query(`CREATE TYPE "public"."vetting_decision" AS ENUM('PENDING', 'PASSED', 'FAILED')`);
    await q.query(`CREATE TYPE "public"."vetting_reason_category" AS ENUM('CLEAR', 'OWN_RECORD', 'RELATIVE_RECORD', 'PRE_CHECK', 'OTHER')`);
    await q.query(`CREATE TABLE "roster_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "activity_id" uuid NOT NULL, "guard_id" uuid NOT NULL, "company_id" uuid NOT NULL, "post" text, "state" text NOT NULL DEFAULT 'ACTIVE', "precheck_problems" jsonb NOT NULL DEFAULT '[]', "suggestion" "public"."vetting_decision", "suggestion_reason" text, "decision" "public"."vetting_decision" NOT NULL DEFAULT 'PENDING', "reason_category" "public"."vetting_reason_category", "decision_note" text, "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "reused_from_entry_id" uuid, "replaces_entry_id" uuid, "checked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c4b86b75e6d6856f877517ef8d1" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "idx_roster_guard" ON "roster_entries"  ("guard_id") `);
    await q.query(`CREATE INDEX "idx_roster_activity" ON "roster_entries"  ("activity_id", "state") `);
    await q.query(`CREATE UNIQUE INDEX "uq_roster_active_guard" ON "roster_entries"  ("activity_id", "guard_id") WHERE "state" = 'ACTIVE'`);
    await q.query(`CREATE TABLE "vetting_hits" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "roster_entry_id" uuid NOT NULL, "relation" "public"."relative_relation", "subject_name" text NOT NULL, "subject_id_number" text NOT NULL, "record_id" uuid, "record" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_236b30d347e9db4156ac254fd62" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "idx_hits_entry" ON "vetting_hits"  ("roster_entry_id") `);
    await q.query(`ALTER TABLE "companies" ADD CONSTRAINT "FK_companies_unit" FOREIGN KEY ("id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "guards" ADD CONSTRAINT "FK_guards_company" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "guard_relatives" ADD CONSTRAINT "FK_relatives_guard" FOREIGN KEY ("guard_id") REFERENCES "guards"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "vetting_hits" CASCADE`);
    await q.query(`DROP TABLE "roster_entries" CASCADE`);
    await q.query(`DROP TABLE "training_sessions" CASCADE`);
    await q.query(`DROP TABLE "training_attendance" CASCADE`);
    await q.query(`DROP TABLE "criminal_records" CASCADE`);
    await q.query(`DROP TABLE "activity_candidates" CASCADE`);
    await q.query(`DROP TABLE "inspections" CASCADE`);
    await q.query(`DROP TABLE "findings" CASCADE`);
    await q.query(`DROP TABLE "certificate_revocations" CASCADE`);
    await q.query(`DROP TABLE "guard_relatives" CASCADE`);
    await q.query(`DROP TABLE "guards" CASCADE`);
    await q.query(`DROP TABLE "companies" CASCADE`);
    await q.query(`DROP TABLE "activity_transitions" CASCADE`);
    await q.query(`DROP TABLE "activities" CASCADE`);
    await q.query(`DROP TYPE "vetting_reason_category"`);
    await q.query(`DROP TYPE "vetting_decision"`);
    await q.query(`DROP TYPE "training_topic"`);
    await q.query(`DROP TYPE "record_category"`);
    await q.query(`DROP TYPE "inspection_item"`);
    await q.query(`DROP TYPE "relative_relation"`);
    await q.query(`DROP TYPE "guard_status"`);
    await q.query(`DROP TYPE "education"`);
    await q.query(`DROP TYPE "sex"`);
    await q.query(`DROP TYPE "company_status"`);
    await q.query(`DROP TYPE "activity_status"`);
    await q.query(`DROP TYPE "security_mode"`);
  }
}
