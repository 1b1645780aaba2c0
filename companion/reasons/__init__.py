"""The reasons I left: the pane, writing them (guided or not), and reading them."""
