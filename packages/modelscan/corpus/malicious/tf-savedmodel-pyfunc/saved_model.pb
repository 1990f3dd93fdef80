3
"serve(

xPlaceholder

pyEagerPyFuncx