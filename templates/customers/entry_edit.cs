<?cs # One panel for every kind of entry: its fields come from the kind's
     table in C (Edit.Fields, customers/entry_kinds.c), its values from the
     entry (Form). The remove form asks for a reason. ?>
<div class="entry-edit" id="entry-edit">
  <p class="crumb"><a href="/customers/<?cs var:Customer.id ?>?tab=<?cs var:Tab.Name ?>" id="entry-edit-back">← <?cs var:L.Tab[Tab.Name] ?></a></p>
  <h2 class="sub"><?cs var:L.Entry.EditTitle ?> · <?cs var:L.EntryKind[Edit.kind] ?><?cs if:Edit.label ?> <span class="muted"><?cs var:Edit.label ?></span><?cs /if ?></h2>
  <?cs if:subcount(Diff) > 0 ?>
  <div class="alert" role="alert" id="entry-conflict"><?cs var:L.Entry.ConflictIntro ?></div>
  <div class="table-wrap"><table class="data compact" id="entry-conflict-diff">
    <thead><tr><th><?cs var:L.Conflict.Field ?></th><th><?cs var:L.Conflict.Theirs ?></th><th><?cs var:L.Conflict.Mine ?></th></tr></thead>
    <tbody><?cs each:d = Diff ?><tr><td class="nowrap"><?cs var:d ?></td><td class="prose"><?cs call:dash(Theirs[name(d)]) ?></td><td class="prose"><strong><?cs call:dash(Form[name(d)]) ?></strong></td></tr><?cs /each ?></tbody>
  </table></div>
  <?cs /if ?>
  <form method="post" action="/customers/<?cs var:Customer.id ?>/entries/edit" class="form-grid" id="entry-edit-form" novalidate>
    <?cs call:csrf_field() ?>
    <input type="hidden" name="entry" value="<?cs var:Edit.kind ?>">
    <input type="hidden" name="entry_id" value="<?cs var:Edit.id ?>">
    <input type="hidden" name="version" value="<?cs var:Form.version ?>">
    <input type="hidden" name="label" value="<?cs var:Edit.label ?>">
    <?cs each:f = Edit.Fields ?><?cs if:f.type == "choice" ?><?cs call:choice_field(f.name, f.label, f.Choices, f.required) ?><?cs elif:f.type == "product" ?><?cs call:product_field(f.name, f.label, f.required) ?><?cs elif:f.type == "area" ?><?cs call:area_field(f.name, f.label, f.required) ?><?cs else ?><?cs call:text_field(f.name, f.label, f.type, f.required) ?><?cs /if ?>
    <?cs /each ?>
    <div class="actions wide">
      <button type="submit" class="button primary" id="entry-save"><?cs var:L.Entry.Save ?></button>
      <a class="button" href="/customers/<?cs var:Customer.id ?>?tab=<?cs var:Tab.Name ?>" id="entry-cancel"><?cs var:L.Entry.Cancel ?></a>
    </div>
  </form>
  <form method="post" action="/customers/<?cs var:Customer.id ?>/entries/remove" class="form-grid entry-remove" id="entry-remove-form" novalidate>
    <h3 class="wide"><?cs var:L.Entry.RemoveTitle ?></h3>
    <p class="muted small wide"><?cs var:L.Entry.RemoveHelp ?></p>
    <?cs call:csrf_field() ?>
    <input type="hidden" name="entry" value="<?cs var:Edit.kind ?>">
    <input type="hidden" name="entry_id" value="<?cs var:Edit.id ?>">
    <input type="hidden" name="label" value="<?cs var:Edit.label ?>">
    <?cs call:area_field("reason", L.Entry.Reason, 1) ?>
    <div class="actions wide"><button type="submit" class="button danger" id="entry-remove"><?cs var:L.Entry.Remove ?></button></div>
  </form>
</div>
