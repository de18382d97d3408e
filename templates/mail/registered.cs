<?cs include:"mail/head.cs" ?><?cs escape:"none" ?><?cs var:L.Public.Kind[Mail.kind] ?> <?cs var:Mail.tracking_no ?> <?cs var:L.Mail.Registered.Subject ?>
<?cs call:mail_hello() ?>

<?cs var:L.Public.Msg.Received[Mail.kind] ?> <?cs var:Mail.sla_hours ?> <?cs var:L.Public.Msg.Hours ?>

<?cs var:L.Mail.Number ?><?cs var:L.Mail.Colon ?><?cs var:Mail.tracking_no ?>
<?cs var:L.Mail.Keep ?>

<?cs call:mail_link() ?>

<?cs var:L.Public.Receipt.Next ?><?cs var:L.Mail.Colon ?>
<?cs each:s = L.Public.Steps ?><?cs name:s ?>. <?cs var:L.StepName[name(s)] ?><?cs var:L.Mail.Colon ?><?cs var:s.Text ?>
<?cs /each ?><?cs call:mail_sign() ?><?cs /escape ?>
