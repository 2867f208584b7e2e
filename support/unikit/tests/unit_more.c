#include "unit.h"

void unit_more(void)
{
}
