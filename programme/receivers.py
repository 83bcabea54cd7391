"""Signal receivers that keep assignments in step with the apps below this one.

Certificates, courses and accounts never import the programme: it listens to their models'
signals instead, so the import contract's direction holds."""
