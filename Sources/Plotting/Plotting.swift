// placeholder, replaced by the Plotting implementation
