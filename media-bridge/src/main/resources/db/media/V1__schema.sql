-- The media-bridge module owns schema media; its tables arrive with the module's own issue.
comment on schema media is 'TeleConsult media-bridge module';
