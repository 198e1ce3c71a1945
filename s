x                                        1.50 s (min 1.5, max 1.5, 1 run1)
