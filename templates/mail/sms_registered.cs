<?cs escape:"none" ?><?cs var:L.Public.Kind[Mail.kind] ?> <?cs var:Mail.tracking_no ?> <?cs var:L.Mail.Registered.Subject ?>
【<?cs var:L.Company ?>】<?cs var:L.Public.Receipt.Heading[Mail.kind] ?><?cs var:L.Mail.Sms.Comma ?><?cs var:L.Mail.Number ?> <?cs var:Mail.tracking_no ?><?cs var:L.Mail.Sms.Stop ?><?cs if:Mail.link ?><?cs var:L.Public.Nav.Status ?><?cs var:L.Mail.Colon ?><?cs var:Mail.link ?><?cs /if ?>
<?cs /escape ?>
