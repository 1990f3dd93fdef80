ˆ
"serve}

xPlaceholder

wVarHandleOp

w_readReadVariableOpw

mmMatMulxw_read

yRelumm

outIdentityy