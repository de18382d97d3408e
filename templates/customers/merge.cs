<?cs set:Page.Title = L.Merge.Title ?><?cs include:"layout/top.cs" ?>
<p class="crumb"><a href="/customers/<?cs var:Customer.id ?>">← <?cs var:L.Edit.BackToFile ?></a></p>
<h1><?cs var:L.Merge.Title ?></h1>
<p class="muted"><?cs var:L.Merge.Intro ?></p>
<form method="get" action="/customers/<?cs var:Customer.id ?>/merge" class="filters" role="search" id="merge-find">
  <div class="field<?cs if:Form.Errors.other ?> invalid<?cs /if ?>"><label for="f-other"><?cs var:L.Merge.Other ?></label>
  <input id="f-other" name="other" value="<?cs var:Form.other ?>" placeholder="C0000123"<?cs if:Form.Errors.other ?> aria-invalid="true" aria-describedby="err-other"<?cs /if ?>><?cs call:field_error("other") ?></div>
  <button type="submit" class="button"><?cs var:L.Merge.Find ?></button>
</form>
<?cs if:Other.id ?>
<div class="merge-pair">
  <section class="card"><h2><?cs var:L.Merge.Keep ?></h2>
    <p class="name"><strong><?cs var:Customer.name ?></strong> <span class="mono"><?cs var:Customer.code ?></span></p>
    <p><?cs call:region_name(Customer) ?> · <?cs var:Customer.city ?> · <span class="mono"><?cs var:Customer.phone ?></span></p>
    <p class="muted"><?cs var:L.Customers.Orders ?> <?cs var:Summary.orders ?></p></section>
  <section class="card"><h2><?cs var:L.Merge.Gone ?></h2>
    <p class="name"><strong id="merge-other-name"><?cs var:Other.name ?></strong> <span class="mono"><?cs var:Other.code ?></span></p>
    <p><?cs call:region_name(Other) ?> · <?cs var:Other.city ?> · <span class="mono"><?cs var:Other.phone ?></span></p>
    <p class="muted"><?cs var:L.Customers.Orders ?> <?cs var:Other.orders ?> · <?cs var:L.Customers.KeyPeople ?> <?cs var:Other.people ?></p></section>
</div>
<form method="post" action="/customers/<?cs var:Customer.id ?>/merge" class="card" id="merge-form">
  <?cs call:csrf_field() ?><input type="hidden" name="gone" value="<?cs var:Other.id ?>">
  <p><?cs var:L.Merge.Confirm ?></p>
  <button type="submit" class="button primary" id="confirm-merge"><?cs var:L.Merge.Action ?></button>
</form>
<?cs /if ?>
<?cs include:"layout/bottom.cs" ?>
