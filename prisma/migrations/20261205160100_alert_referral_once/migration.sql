-- One "referral to screen" alert per coordinator and referral, however many alerts-job runs find it.
CREATE UNIQUE INDEX "alert_outbox_referral_once" ON "alert_outbox"("user_id", "entity_id") WHERE "kind" = 'referral_to_screen';
