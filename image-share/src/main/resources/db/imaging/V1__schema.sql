-- The image-share module owns schema imaging; its tables arrive with the module's own issue.
comment on schema imaging is 'TeleConsult image-share module';
