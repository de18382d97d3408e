<?cs # Small helpers shared by every page. Line breaks sit inside the tags so
  that including this file adds no blank lines before the doctype. ?><?cs
def:region_name(row) ?><?cs if:Page.Lang == "en" ?><?cs var:row.region_en ?><?cs else ?><?cs var:row.region_zh ?><?cs /if ?><?cs /def ?><?cs
def:region_label(row) ?><?cs if:Page.Lang == "en" ?><?cs var:row.name_en ?><?cs else ?><?cs var:row.name_zh ?><?cs /if ?><?cs /def ?><?cs
def:csrf_field() ?><input type="hidden" name="_csrf" value="<?cs var:CSRF ?>"><?cs /def ?><?cs
def:field_error(name) ?><?cs if:Form.Errors[name] ?><p class="field-error" id="err-<?cs var:name ?>"><?cs var:Form.Errors[name] ?></p><?cs /if ?><?cs /def ?><?cs
def:class_badge(c) ?><?cs if:c ?><span class="badge class-<?cs var:c ?>" title="<?cs var:c ?> <?cs var:L.AbcName[c] ?>"><span class="sr-only"><?cs var:L.Customers.Class ?> </span><?cs var:c ?><span class="sr-only"> <?cs var:L.AbcName[c] ?></span></span><?cs else ?><span class="muted">—</span><?cs /if ?><?cs /def ?><?cs
# Punctuation that differs by language: after a label (领导意见：, Decision: )
# and between the items of a list (、 or a comma).
?><?cs
def:colon() ?><?cs if:Page.Lang == "en" ?>: <?cs else ?>：<?cs /if ?><?cs /def ?><?cs
def:list_sep() ?><?cs if:Page.Lang == "en" ?>, <?cs else ?>、<?cs /if ?><?cs /def ?><?cs
# A list's filters: on a phone folded behind one button, so the first screen
# shows rows, and open when one of them is set; static/layout.js opens the
# fold on wider screens. The caller closes the <details>.
?><?cs
def:filter_fold(active) ?><details class="filter-fold"<?cs if:active ?> open<?cs /if ?>><summary class="button"><?cs var:L.FilterFold ?></summary><?cs /def ?><?cs
def:dash(v) ?><?cs if:v ?><?cs var:v ?><?cs else ?><span class="muted">—</span><?cs /if ?><?cs /def ?><?cs
# Form fields: a label, the control filled from Form.<name>, the message
# from Form.Errors.<name>. `req` marks a required field.
?><?cs
def:text_field(name, label, type, req) ?><div class="field<?cs if:Form.Errors[name] ?> invalid<?cs /if ?>"><label for="f-<?cs var:name ?>"><?cs var:label ?><?cs if:req ?> <span class="req" aria-hidden="true">*</span><?cs /if ?></label><input id="f-<?cs var:name ?>" name="<?cs var:name ?>" type="<?cs var:type ?>" value="<?cs var:Form[name] ?>"<?cs if:req ?> required<?cs /if ?><?cs if:Form.Errors[name] ?> aria-invalid="true" aria-describedby="err-<?cs var:name ?>"<?cs /if ?>><?cs call:field_error(name) ?></div><?cs /def ?><?cs
def:area_field(name, label, req) ?><div class="field wide<?cs if:Form.Errors[name] ?> invalid<?cs /if ?>"><label for="f-<?cs var:name ?>"><?cs var:label ?><?cs if:req ?> <span class="req" aria-hidden="true">*</span><?cs /if ?></label><textarea id="f-<?cs var:name ?>" name="<?cs var:name ?>" rows="3"<?cs if:req ?> required<?cs /if ?><?cs if:Form.Errors[name] ?> aria-invalid="true" aria-describedby="err-<?cs var:name ?>"<?cs /if ?>><?cs var:Form[name] ?></textarea><?cs call:field_error(name) ?></div><?cs /def ?><?cs
def:choice_field(name, label, choices, req) ?><div class="field<?cs if:Form.Errors[name] ?> invalid<?cs /if ?>"><label for="f-<?cs var:name ?>"><?cs var:label ?><?cs if:req ?> <span class="req" aria-hidden="true">*</span><?cs /if ?></label><select id="f-<?cs var:name ?>" name="<?cs var:name ?>"<?cs if:req ?> required<?cs /if ?><?cs if:Form.Errors[name] ?> aria-invalid="true" aria-describedby="err-<?cs var:name ?>"<?cs /if ?>><?cs if:!req ?><option value="">—</option><?cs elif:!Form[name] ?><option value=""><?cs var:L.Choose ?></option><?cs /if ?><?cs each:c = choices ?><option value="<?cs name:c ?>"<?cs if:Form[name] == name(c) ?> selected<?cs /if ?>><?cs var:c ?></option><?cs /each ?></select><?cs call:field_error(name) ?></div><?cs /def ?><?cs
def:product_field(name, label, req) ?><div class="field<?cs if:Form.Errors[name] ?> invalid<?cs /if ?>"><label for="f-<?cs var:name ?>"><?cs var:label ?><?cs if:req ?> <span class="req" aria-hidden="true">*</span><?cs /if ?></label><select id="f-<?cs var:name ?>" name="<?cs var:name ?>"<?cs if:Form.Errors[name] ?> aria-invalid="true" aria-describedby="err-<?cs var:name ?>"<?cs /if ?>><?cs if:!req ?><option value="">—</option><?cs /if ?><?cs each:p = Products ?><option value="<?cs var:p.id ?>"<?cs if:Form[name] == p.id ?> selected<?cs /if ?>><?cs var:p.code ?> <?cs var:p.name ?></option><?cs /each ?></select><?cs call:field_error(name) ?></div><?cs /def ?>