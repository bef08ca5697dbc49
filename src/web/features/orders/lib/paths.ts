/** The feature's pages: the orders, one order, and a new order of a sheet (`?ark=<sheet id>`). */
export const ORDERS_PATH = "/bestillinger";
export const NEW_ORDER_PATH = "/bestillinger/ny";
export const orderPath = (id: string) => `${ORDERS_PATH}/${id}`;
