-- The scheduling module owns schema scheduling; its tables arrive with the module's own issue.
comment on schema scheduling is 'TeleConsult scheduling module';
