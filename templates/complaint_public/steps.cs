<?cs # The seven steps of the procedure: the names and the source's own
  sentences, the one set the staff pages show too; `upto` is the step being
  worked on (0: none yet), `all_done` marks every step done. ?><?cs
def:public_steps(upto, all_done) ?><ol class="public-steps" id="steps"><?cs loop:i = 1, 7, 1 ?><li class="<?cs if:all_done || i < upto ?>done<?cs elif:i == upto ?>current<?cs /if ?>"<?cs if:!all_done && i == upto ?> aria-current="step"<?cs /if ?>><strong><?cs var:L.StepName[i] ?></strong> <span class="muted"><?cs var:L.Complaints.StepTitle[i] ?></span></li><?cs /loop ?></ol><?cs /def ?>
