-- Reserved for the change that fills it in; a no-op until then.
SELECT 1;
