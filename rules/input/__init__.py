"""Input: the codes about the file itself rather than its content (GL000–GL006).

GL000, GL001, GL003 and GL006 are raised by the engine and the loaders (the containment
policy), GL004 and GL005 by the suppression directives, not by a ``check``; they are rules so
that they can be selected, ignored and documented like any other. GL002 is the one check that
runs on files that are not reports."""
