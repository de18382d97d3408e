<?cs # The options of the queue's product and assignee menus (Which =
  "products" or "staff"), rendered once per menu revision and kept by each
  worker (cgi-bin/complaints/queue.c); the page marks the chosen one.
?><?cs if:Which == "products" ?><?cs each:p = Menu.Products ?><option value="<?cs var:p.id ?>"><?cs var:p.name ?></option><?cs /each ?><?cs
else ?><?cs each:s = Menu.Staff ?><option value="<?cs var:s.id ?>"><?cs var:s.name ?></option><?cs /each ?><?cs /if ?>
