I
"serve>

pathConst

dataConst

write	WriteFilepathdata