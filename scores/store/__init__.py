"""Every write, in one room: releases and the import log, actions, targets, the audit trail, and
seed (the database built from data/). Each write checks the actor's role first."""
