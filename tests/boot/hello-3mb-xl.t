# At memory=3 the toolstack refuses to build the domain at all, with a
# clear message and no hang: the floor is xl's, not pvmini's.
app     hello
cfg     memory=3
expect  toolstack-error
xlmatch not enough memory for initial mapping
