I
"serve>

pathConst

readReadFilepath

outIdentityread