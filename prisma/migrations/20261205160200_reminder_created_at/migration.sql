-- The alerts job reads the reminders raised in the last day, every minute (jobs/alerts.ts).
CREATE INDEX "reminder_created_at_idx" ON "reminder"("created_at");
