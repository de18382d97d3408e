<?cs if:Form.id ?><?cs set:Page.Title = L.Edit.EditTitle ?><?cs else ?><?cs set:Page.Title = L.Edit.NewTitle ?><?cs /if ?><?cs include:"layout/top.cs" ?>
<p class="crumb"><?cs if:Form.id ?><a href="/customers/<?cs var:Form.id ?>">← <?cs var:L.Edit.BackToFile ?></a><?cs else ?><a href="/customers">← <?cs var:L.Customers.Back ?></a><?cs /if ?></p>
<h1><?cs var:Page.Title ?></h1>
<form method="post" action="<?cs if:Form.id ?>/customers/<?cs var:Form.id ?>/edit<?cs else ?>/customers/new<?cs /if ?>" class="card customer-form" id="customer-form" novalidate>
  <?cs call:csrf_field() ?>
  <?cs if:Form.id ?><input type="hidden" name="version" value="<?cs var:Form.version ?>"><?cs /if ?>
<?cs include:"customers/form_fields.cs" ?>
  <div class="actions">
    <button type="submit" class="button primary" id="save-customer"><?cs var:L.Entry.Save ?></button>
    <a class="button" href="<?cs if:Form.id ?>/customers/<?cs var:Form.id ?><?cs else ?>/customers<?cs /if ?>"><?cs var:L.Edit.Cancel ?></a>
  </div>
</form>
<?cs include:"layout/bottom.cs" ?>
