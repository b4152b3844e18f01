// placeholder, replaced by the Courseware implementation
