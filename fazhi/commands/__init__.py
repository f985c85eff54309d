"""One module per ``fazhi`` sub-command (see ``fazhi.cli``)."""
