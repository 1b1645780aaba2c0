"""When the data cannot be opened: the crisis numbers and a calm screen that says what
happened and what the person can do. Nothing is written until they choose."""
